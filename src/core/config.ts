// Runtime configuration, read once from the environment (documented in README.md).
import { resolve } from 'node:path';
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy.ts';
import { DEFAULT_ISOLATE_LIMITS, type IsolateLimits } from './isolate/limits.ts';

export interface Config {
  host: string;
  port: number;
  /** PGlite data folder, used when no DATABASE_URL is set. */
  dataDir: string;
  /** PostgreSQL server URL; when set, PGlite is not used. */
  databaseUrl: string | null;
  /** Trust X-Forwarded-* headers from a reverse proxy (several processes behind nginx). */
  /** Which proxies may say who the client is (core/http/trust-proxy.ts). */
  trustProxy: TrustProxy;
  /** Cookie signing secret; when unset, one is generated once and kept in the database. */
  cookieSecret: string | null;
  logLevel: string;
  /** Staff session lifetime without activity, in minutes. */
  sessionIdleMinutes: number;
  /** Failed logins before an account is locked, and for how long. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** How often the 依申请公开 reminder job runs, in minutes; 0 = not started by `serve`. */
  reminderIntervalMinutes: number;
  /** SMTP server for reminder e-mails (smtp://user:pass@host:587 or smtps://…) and the sender; both or no e-mail. */
  /**
   * Public 依申请公开 submissions per client address and hour, and look-ups per address and 10 minutes
   * (receipt numbers are sequential: no guessing). Counted in the database, so the limits hold
   * across processes (core/http/rate-limit-store.ts); the per-applicant limit is in applications/commands.ts.
   */
  applyRatePerHour: number;
  lookupRatePer10Minutes: number;
  smtpUrl: string | null;
  mailFrom: string | null;
  /**
   * Reading documents (imported reports, attachments' text) happens in worker processes: per
   * document a wall-clock timeout and a memory limit, workers at once, uploads that may wait.
   * The same for the server, `gongkai import` and `gongkai report parse`.
   */
  documentLimits: IsolateLimits;
  /** The audit key, or the file that holds it; neither: <dataDir>/audit.key (core/audit/key.ts). */
  auditKey: string | null;
  auditKeyFile: string | null;
  /** How often the chain heads are checkpointed when they moved, in minutes; 0 = not started by `serve`. */
  auditCheckpointMinutes: number;
  /** The portal's footer (orgs/shell/site-frame.ts): 主办单位、联系我们、网站标识码、ICP 备案号、公安备案号. */
  site: { sponsor: string | null; contact: string | null; siteCode: string | null; icp: string | null; psb: string | null };
  /**
   * Inspections ask external links over HTTP (core/link-check.ts) only when GONGKAI_LINK_CHECK=on;
   * otherwise they are recorded as 未检查. Internal links are always checked against the database.
   */
  linkCheck: boolean;
  /**
   * This portal's host names (GONGKAI_PORTAL_HOSTS, comma-separated, e.g. gk.qingshan.gov.cn): absolute
   * links to them are internal, checked against the database like relative ones.
   */
  portalHosts: string[];
  /**
   * Inspect every agency with a catalogue when its latest inspection is this many days old (the
   * scheduled 内容检查, GONGKAI_INSPECTION_INTERVAL_DAYS); 0 = only when someone starts one.
   */
  inspectionIntervalDays: number;
  /**
   * Letters are rendered after their step's commit by letter jobs (applications/letters/letter-jobs.ts):
   * `serve` looks for jobs queued by other processes or left by a crash this often, in seconds, and at
   * once for its own; 0 = this process renders none (another process does).
   */
  letterJobPollSeconds: number;
}

function nonNegativeIntFrom(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isInteger(n) && n >= 0 ? n : fallback;
}

function intFrom(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function positiveNumberFrom(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: intFrom(env.PORT, 3000),
    dataDir: resolve(env.GONGKAI_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    cookieSecret: env.GONGKAI_COOKIE_SECRET || null,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    sessionIdleMinutes: intFrom(env.GONGKAI_SESSION_IDLE_MINUTES, 120),
    lockoutThreshold: intFrom(env.GONGKAI_LOCKOUT_THRESHOLD, 5),
    lockoutMinutes: intFrom(env.GONGKAI_LOCKOUT_MINUTES, 15),
    reminderIntervalMinutes: nonNegativeIntFrom(env.GONGKAI_REMINDER_INTERVAL_MINUTES, 60),
    applyRatePerHour: intFrom(env.GONGKAI_APPLY_RATE_PER_HOUR, 30),
    lookupRatePer10Minutes: intFrom(env.GONGKAI_LOOKUP_RATE, 20),
    smtpUrl: env.GONGKAI_SMTP_URL || null,
    mailFrom: env.GONGKAI_MAIL_FROM || null,
    documentLimits: {
      timeoutMs: Math.round(positiveNumberFrom(env.GONGKAI_PARSE_TIMEOUT_SECONDS, DEFAULT_ISOLATE_LIMITS.timeoutMs / 1000) * 1000),
      maxMemoryMb: intFrom(env.GONGKAI_PARSE_MEMORY_MB, DEFAULT_ISOLATE_LIMITS.maxMemoryMb),
      concurrency: intFrom(env.GONGKAI_PARSE_CONCURRENCY, DEFAULT_ISOLATE_LIMITS.concurrency),
      queueLength: nonNegativeIntFrom(env.GONGKAI_PARSE_QUEUE, DEFAULT_ISOLATE_LIMITS.queueLength),
    },
    auditKey: env.GONGKAI_AUDIT_KEY || null,
    auditKeyFile: env.GONGKAI_AUDIT_KEY_FILE ? resolve(env.GONGKAI_AUDIT_KEY_FILE) : null,
    auditCheckpointMinutes: nonNegativeIntFrom(env.GONGKAI_AUDIT_CHECKPOINT_MINUTES, 10),
    site: {
      sponsor: env.GONGKAI_SITE_SPONSOR || null,
      contact: env.GONGKAI_SITE_CONTACT || null,
      siteCode: env.GONGKAI_SITE_CODE || null,
      icp: env.GONGKAI_SITE_ICP || null,
      psb: env.GONGKAI_SITE_PSB || null,
    },
    linkCheck: /^(on|true|1|yes)$/i.test(env.GONGKAI_LINK_CHECK?.trim() ?? ''),
    portalHosts: (env.GONGKAI_PORTAL_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
    inspectionIntervalDays: nonNegativeIntFrom(env.GONGKAI_INSPECTION_INTERVAL_DAYS, 0),
    letterJobPollSeconds: nonNegativeIntFrom(env.GONGKAI_LETTER_JOB_POLL_SECONDS, 5),
  };
}
