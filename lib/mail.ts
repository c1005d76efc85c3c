import { log } from "@/lib/http/log";

// No mail server is assumed: links are returned to the admin who asked for them, and
// also handed to this adapter. The default one logs that a message was due (recipient and
// subject), never its text: the text carries one-time links whose tokens are secrets.
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

const consoleMailer: Mailer = {
  async send(message) {
    log("info", { msg: "mail (no mailer installed; not sent)", to: message.to, subject: message.subject });
  },
};

let current: Mailer = consoleMailer;

export function setMailer(mailer: Mailer | null): void {
  current = mailer ?? consoleMailer;
}

/** Sends without failing the caller's request: a lost e-mail must not undo a commit. */
export async function sendMail(message: MailMessage): Promise<void> {
  try {
    await current.send(message);
  } catch (err) {
    log("error", { msg: "mail failed", to: message.to, error: err instanceof Error ? err.message : String(err) });
  }
}
