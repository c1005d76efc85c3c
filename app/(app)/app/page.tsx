import { redirect } from "next/navigation";

// /app – where sign-in lands: the employee's day.
export default function AppHome() {
  redirect("/today");
}
