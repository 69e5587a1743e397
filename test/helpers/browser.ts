// A real headless Chromium driven by playwright-core, never a downloaded browser:
// Debian's when CHROMIUM_PATH names it, otherwise the build inside the npm package
// @sparticuz/chromium (so that `npm ci` alone brings it). Chinese text is drawn
// with the npm CJK font (@embedpdf/fonts-sc), named to the browser's fontconfig by
// a configuration file of our own, so no system font package is needed either.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sparticuz from '@sparticuz/chromium';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/app/demo/seed.ts';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-output');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const require = createRequire(import.meta.url);
/** A package's own folder (these two export no package.json): their entry point is one folder down. */
const packageDir = (name: string) => join(dirname(require.resolve(name)), '..');
const NPM_CHROMIUM_VERSION = (JSON.parse(readFileSync(join(packageDir('@sparticuz/chromium'), 'package.json'), 'utf8')) as { version: string }).version;
/** Where the npm Chromium is unpacked once per machine and version (its binary, libraries and Latin fonts). */
const NPM_CHROMIUM_DIR = join(tmpdir(), `gongkai-chromium-${NPM_CHROMIUM_VERSION}`);
/** The folder of the npm CJK font. */
const CJK_FONT_DIR = join(packageDir('@embedpdf/fonts-sc'), 'fonts');

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: await browserExecutable(),
    args: ARGS,
    env: { ...process.env, FONTCONFIG_FILE: fontconfigFile() },
  });
}

/** Which browser the tests drive: Debian's when CHROMIUM_PATH names it, otherwise the npm one. */
export function browserExecutable(): Promise<string> {
  return process.env.CHROMIUM_PATH ? Promise.resolve(process.env.CHROMIUM_PATH) : npmChromium();
}

/**
 * The npm Chromium, unpacked on first use. The package unpacks into the temporary folder of the
 * moment and trusts whatever it finds there, so two test files starting together could run a
 * half-written binary: each unpacks into a fresh folder of its own, and the first to rename its
 * folder into place wins (a rename onto a non-empty folder fails; the loser uses the winner's).
 */
async function npmChromium(): Promise<string> {
  const binary = join(NPM_CHROMIUM_DIR, 'chromium');
  if (existsSync(binary)) return binary;
  const staging = mkdtempSync(join(tmpdir(), 'gongkai-chromium-unpack-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  let unpacking: Promise<string>;
  try {
    unpacking = sparticuz.executablePath(); // reads the temporary folder synchronously, before its first await
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
  await unpacking;
  try {
    renameSync(staging, NPM_CHROMIUM_DIR);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
  return binary;
}

/**
 * A fontconfig file that lists the npm CJK font and the npm Chromium's Latin fonts. Written whole
 * and renamed into place, so a test file starting in parallel never reads half of it.
 */
function fontconfigFile(): string {
  const dir = join(tmpdir(), 'gongkai-fontconfig');
  mkdirSync(join(dir, 'cache'), { recursive: true });
  const file = join(dir, 'fonts.conf');
  const xml = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <dir>${CJK_FONT_DIR}</dir>`,
    `  <dir>${join(NPM_CHROMIUM_DIR, 'fonts')}</dir>`,
    `  <cachedir>${join(dir, 'cache')}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, xml);
  renameSync(partial, file);
  return file;
}

/** Starts a test app on a free port of 127.0.0.1 for the browser; returns its address. */
export async function listenForBrowser(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/**
 * A page of its own browser context, signed in as a user whose password must be changed at first
 * login (the demo users, users made by tests): it is changed to `newPassword`.
 */
export async function signedIn(context: BrowserContext, base: string, username: string, opts: { password?: string; newPassword?: string } = {}): Promise<Page> {
  const password = opts.password ?? DEMO_PASSWORD;
  const newPassword = opts.newPassword ?? 'Browser-pass-2026';
  const page = await context.newPage();
  await page.goto(`${base}/console/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${base}/console/password`);
  await page.getByLabel('当前密码').fill(password);
  await page.getByLabel(/^新密码/).fill(newPassword);
  await page.getByLabel('再次输入新密码').fill(newPassword);
  await page.getByRole('button', { name: '保存新密码' }).click();
  await page.waitForURL(/\/console\?notice=password-changed/);
  return page;
}
