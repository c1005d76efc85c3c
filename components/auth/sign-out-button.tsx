import { signOutAction } from "@/lib/auth/sign-out-action";
import { Button, type ButtonProps } from "@/components/ui/button";

/** A form button that signs out (the server session is revoked, not only the cookie). */
export function SignOutButton({ children = "Sign out", ...props }: Omit<ButtonProps, "type" | "formAction">) {
  return (
    <form action={signOutAction}>
      <Button type="submit" {...props}>
        {children}
      </Button>
    </form>
  );
}
