import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";
import { NOTIFICATION_KINDS } from "../../contracts/notification-event";
import { readJsonColumn } from "../../db/json-column";
import { sealSecret } from "../../config/secret-box.server";
import { bool, fieldErrors, num, text, type SaveResult } from "../admin/form-data";
import {
  DEFAULT_TEMPLATES,
  StoredTemplatesSchema,
  templateFor,
  type StoredTemplates,
} from "./email-templates";
import type { NotificationKind } from "./types";

/** What the admin form shows: every setting but the SMTP password, of which only its presence. */
export interface EmailSettingsView {
  emailEnabled: boolean;
  fromName: string;
  fromAddress: string;
  smtpHost: string;
  smtpPort: string;
  smtpSecure: boolean;
  smtpUser: string;
  hasPassword: boolean;
  reminderAfterArrivalDays: string;
  reminderBeforeExpiryDays: string;
  templates: Record<NotificationKind, { subject: string; intro: string }>;
}

export async function readEmailSettings(db: PrismaClient, shop: string): Promise<EmailSettingsView> {
  const row = await db.notificationSettings.findFirst({ where: { shop } });
  const stored: StoredTemplates = row
    ? readJsonColumn(StoredTemplatesSchema, row.templates ?? null, {
        shop,
        column: "NotificationSettings.templates",
        id: row.id,
      })
    : null;
  return {
    emailEnabled: row?.emailEnabled ?? false,
    fromName: row?.fromName ?? "",
    fromAddress: row?.fromAddress ?? "",
    smtpHost: row?.smtpHost ?? "",
    smtpPort: row?.smtpPort ? String(row.smtpPort) : "587",
    smtpSecure: row?.smtpSecure ?? false,
    smtpUser: row?.smtpUser ?? "",
    hasPassword: Boolean(row?.smtpPasswordSealed),
    reminderAfterArrivalDays: String(row?.reminderAfterArrivalDays ?? 1),
    reminderBeforeExpiryDays: String(row?.reminderBeforeExpiryDays ?? 1),
    templates: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, templateFor(k, stored)])) as Record<
      NotificationKind,
      { subject: string; intro: string }
    >,
  };
}

const Host = z
  .string()
  .max(253)
  .regex(/^[A-Za-z0-9.-]*$/, "a host name such as smtp.example.com");
const Days = z
  .number({ error: "enter a number of days" })
  .int("whole days")
  .min(0)
  .max(30, "at most 30 days");

const EmailSettingsSchema = z
  .object({
    emailEnabled: z.boolean(),
    fromName: z.string().max(100),
    fromAddress: z.union([z.literal(""), z.email("an email address such as orders@example.com").max(254)]),
    smtpHost: Host,
    smtpPort: z.number({ error: "enter a port" }).int().min(1).max(65535, "a port from 1 to 65535"),
    smtpSecure: z.boolean(),
    smtpUser: z.string().max(254),
    smtpPassword: z.string().max(500),
    clearPassword: z.boolean(),
    reminderAfterArrivalDays: Days,
    reminderBeforeExpiryDays: Days,
    templates: z.record(
      z.enum(NOTIFICATION_KINDS),
      z.object({
        // Empty = the default text (clearing a field restores it).
        subject: z.string().max(200, "at most 200 characters"),
        intro: z.string().max(2000, "at most 2,000 characters"),
      }),
    ),
  })
  .superRefine((v, ctx) => {
    if (!v.emailEnabled) return;
    if (!v.fromAddress)
      ctx.addIssue({ code: "custom", path: ["fromAddress"], message: "needed to send emails" });
    if (!v.smtpHost) ctx.addIssue({ code: "custom", path: ["smtpHost"], message: "needed to send emails" });
  });

/** The form's fields → the settings row; the password is sealed (blank = keep the stored one). */
export async function saveEmailSettings(db: PrismaClient, shop: string, form: FormData): Promise<SaveResult> {
  const parsed = EmailSettingsSchema.safeParse({
    emailEnabled: bool(form, "emailEnabled"),
    fromName: text(form, "fromName"),
    fromAddress: text(form, "fromAddress"),
    smtpHost: text(form, "smtpHost"),
    smtpPort: num(form, "smtpPort"),
    smtpSecure: bool(form, "smtpSecure"),
    smtpUser: text(form, "smtpUser"),
    smtpPassword: String(form.get("smtpPassword") ?? ""),
    clearPassword: bool(form, "clearPassword"),
    reminderAfterArrivalDays: num(form, "reminderAfterArrivalDays"),
    reminderBeforeExpiryDays: num(form, "reminderBeforeExpiryDays"),
    templates: Object.fromEntries(
      NOTIFICATION_KINDS.map((k) => [
        k,
        { subject: text(form, `templates.${k}.subject`), intro: text(form, `templates.${k}.intro`) },
      ]),
    ),
  });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const v = parsed.data;
  // Only what differs from the default is stored, so a later change of a default reaches shops that kept it.
  const templates = Object.fromEntries(
    NOTIFICATION_KINDS.flatMap((k) => {
      const own = v.templates[k];
      const changed = {
        ...(own.subject && own.subject !== DEFAULT_TEMPLATES[k].subject ? { subject: own.subject } : {}),
        ...(own.intro && own.intro !== DEFAULT_TEMPLATES[k].intro ? { intro: own.intro } : {}),
      };
      return Object.keys(changed).length ? [[k, changed]] : [];
    }),
  );
  const password = v.clearPassword
    ? { smtpPasswordSealed: null }
    : v.smtpPassword
      ? { smtpPasswordSealed: sealSecret(v.smtpPassword) }
      : {};
  const data = {
    emailEnabled: v.emailEnabled,
    fromName: v.fromName || null,
    fromAddress: v.fromAddress || null,
    smtpHost: v.smtpHost || null,
    smtpPort: v.smtpPort,
    smtpSecure: v.smtpSecure,
    smtpUser: v.smtpUser || null,
    reminderAfterArrivalDays: v.reminderAfterArrivalDays,
    reminderBeforeExpiryDays: v.reminderBeforeExpiryDays,
    templates: (Object.keys(templates).length ? templates : {}) as Prisma.InputJsonValue,
  };
  await db.notificationSettings.upsert({
    where: { shop },
    create: { shop, ...data, ...password },
    update: { ...data, ...password },
  });
  return { ok: true, message: v.emailEnabled ? "Email settings saved: emails on" : "Email settings saved" };
}
