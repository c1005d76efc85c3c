import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { currentCaller } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Sign up · Timebase" };
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  if (await currentCaller()) redirect("/app");
  return (
    <Card>
      <CardHeader>
        <CardTitle>Create your organisation</CardTitle>
        <CardDescription>You will be its first admin and can invite your team afterwards.</CardDescription>
      </CardHeader>
      <CardContent>
        <SignUpForm />
      </CardContent>
      <CardFooter className="justify-center text-sm text-muted-foreground">
        <span>
          Already have an account?{" "}
          <Link href="/sign-in" className="font-medium text-primary underline-offset-4 hover:underline">
            Sign in
          </Link>
        </span>
      </CardFooter>
    </Card>
  );
}
