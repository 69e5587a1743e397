// A tiny SMTP sink on 127.0.0.1 for tests: accepts every message (no TLS, no auth) and keeps it,
// decoded enough to assert on (Subject encoded-words, base64 / quoted-printable text bodies).
// `failNext` makes the next message fail with a temporary error at the end of DATA.
import { createServer, type Server, type Socket } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  headers: Map<string, string>;
  subject: string;
  text: string;
}

export interface SmtpSink {
  url: string;
  messages: ReceivedMail[];
  failNext: number;
  close(): Promise<void>;
}

function decodeWords(value: string): string {
  return value.replace(/\s*=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  ).trim();
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

export function parseMail(raw: string, from = '', to: string[] = []): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const text =
    encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
  return { from, to, raw, headers, subject: decodeWords(headers.get('subject') ?? ''), text: text.replace(/\r\n/g, '\n') };
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const sockets = new Set<Socket>();
  const sink: SmtpSink = { url: '', messages: [], failNext: 0, close: async () => {} };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = '';
    let inData = false;
    let from = '';
    let to: string[] = [];
    const say = (line: string) => socket.write(`${line}\r\n`);
    say('220 127.0.0.1 ESMTP test sink');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const raw = Buffer.from(buffer.slice(0, end).replace(/^\.\./gm, '.'), 'latin1').toString('utf8');
          buffer = buffer.slice(end + 5);
          inData = false;
          if (sink.failNext > 0) {
            sink.failNext--;
            say('451 4.3.0 temporary failure (test)');
          } else {
            sink.messages.push(parseMail(raw, from, to));
            say('250 2.0.0 queued');
          }
          from = '';
          to = [];
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') say('250-127.0.0.1\r\n250-8BITMIME\r\n250 SMTPUTF8');
        else if (verb === 'HELO') say('250 127.0.0.1');
        else if (verb === 'MAIL') (from = /<([^>]*)>/.exec(line)?.[1] ?? ''), say('250 2.1.0 ok');
        else if (verb === 'RCPT') to.push(/<([^>]*)>/.exec(line)?.[1] ?? ''), say('250 2.1.5 ok');
        else if (verb === 'DATA') (inData = true), say('354 end with <CRLF>.<CRLF>');
        else if (verb === 'RSET') (from = ''), (to = []), say('250 2.0.0 ok');
        else if (verb === 'NOOP') say('250 2.0.0 ok');
        else if (verb === 'QUIT') say('221 2.0.0 bye'), socket.end();
        else say('502 5.5.2 not implemented');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `smtp://127.0.0.1:${(server.address() as { port: number }).port}`;
  sink.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return sink;
}
