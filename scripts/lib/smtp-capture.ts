import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One message the capture server accepted, parsed. */
export interface CapturedEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  /** The .eml file it was written to, when the server writes them. */
  file: string | null;
}

/**
 * A real SMTP server on loopback (the `smtp-server` package) that accepts every message without authentication or
 * TLS and keeps it: parsed in `messages`, and as an .eml file in `dir` when given. The tests and `npm run demo`
 * point a shop's SMTP settings at it, so the app's emails go through nodemailer and SMTP exactly as in production.
 */
export class SmtpCapture {
  readonly messages: CapturedEmail[] = [];
  port = 0;
  private readonly server: SMTPServer;

  constructor(private readonly dir: string | null = null) {
    if (dir) mkdirSync(dir, { recursive: true });
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw).then(
            (mail) => {
              let file: string | null = null;
              if (this.dir) {
                file = join(this.dir, `${String(this.messages.length + 1).padStart(3, "0")}.eml`);
                writeFileSync(file, raw);
              }
              this.messages.push({
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
                to: session.envelope.rcptTo.map((r) => r.address),
                subject: mail.subject ?? "",
                text: mail.text ?? "",
                html: typeof mail.html === "string" ? mail.html : "",
                headers: mail.headers as Map<string, unknown>,
                file,
              });
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
  }

  async start(port = 0): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
