// The link checker against local HTTP servers started here (never outside the machine): 200, 404,
// a server that never answers, a redirect loop, HEAD refused, a closed port, and the limits on
// requests in flight (all at once and per host).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkLinks, uncheckedLink } from './link-check.ts';

let server: Server;
let base = '';
let inFlight = 0;
let maxInFlight = 0;

before(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/ok') return res.writeHead(200, { 'content-type': 'text/plain' }).end('好');
    if (path === '/missing') return res.writeHead(404).end('没有');
    if (path === '/hang') return; // never answers
    if (path === '/loop-a') return res.writeHead(302, { location: '/loop-b' }).end();
    if (path === '/loop-b') return res.writeHead(301, { location: '/loop-a' }).end();
    if (path === '/moved') return res.writeHead(301, { location: '/ok' }).end();
    if (path.startsWith('/chain/')) {
      const n = Number(path.slice(7));
      return res.writeHead(302, { location: `/chain/${n + 1}` }).end();
    }
    if (path === '/no-head') return req.method === 'HEAD' ? res.writeHead(405).end() : res.writeHead(200).end('ok');
    if (path.startsWith('/slow/')) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200).end();
      }, 60);
      return;
    }
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

test('link check: 200 ok, 404 broken, a redirect to a page ok, HEAD refused then GET ok', async () => {
  const r = await checkLinks([`${base}/ok`, `${base}/missing`, `${base}/moved`, `${base}/no-head`], { timeoutMs: 2000 });
  assert.equal(r.get(`${base}/ok`)!.state, 'ok');
  assert.deepEqual({ ...r.get(`${base}/missing`)! }, { url: `${base}/missing`, state: 'broken', status: 404, finalUrl: `${base}/missing`, label: '无法访问（HTTP 404）' });
  assert.equal(r.get(`${base}/moved`)!.state, 'ok');
  assert.equal(r.get(`${base}/moved`)!.finalUrl, `${base}/ok`);
  assert.equal(r.get(`${base}/no-head`)!.state, 'ok');
});

test('link check: a server that never answers is a timeout, a loop of redirects is a loop, too many redirects too', async () => {
  const r = await checkLinks([`${base}/hang`, `${base}/loop-a`, `${base}/chain/1`], { timeoutMs: 300, maxRedirects: 3 });
  assert.equal(r.get(`${base}/hang`)!.state, 'timeout');
  assert.match(r.get(`${base}/hang`)!.label, /^超时（超过 0.3 秒无响应）$/);
  assert.equal(r.get(`${base}/loop-a`)!.state, 'redirect-loop');
  assert.match(r.get(`${base}/loop-a`)!.label, /重定向循环/);
  assert.equal(r.get(`${base}/chain/1`)!.state, 'redirect-loop');
  assert.match(r.get(`${base}/chain/1`)!.label, /重定向超过 3 次/);
});

test('link check: a closed port and a bad address are unreachable; unchecked is 未检查', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const r = await checkLinks([`http://127.0.0.1:${port}/x`, 'not a url', 'ftp://127.0.0.1/x'], { timeoutMs: 1000 });
  assert.equal(r.get(`http://127.0.0.1:${port}/x`)!.state, 'unreachable');
  assert.equal(r.get('not a url')!.state, 'unreachable');
  assert.equal(r.get('ftp://127.0.0.1/x')!.state, 'unreachable');
  assert.equal(uncheckedLink('http://example.invalid/').label, '未检查');
});

test('link check: at most 2 requests at once to one host, whatever the overall concurrency', async () => {
  maxInFlight = 0;
  const urls = Array.from({ length: 8 }, (_, i) => `${base}/slow/${i}`);
  const r = await checkLinks([...urls, urls[0]!], { concurrency: 4, perHost: 2, timeoutMs: 2000 });
  assert.equal(r.size, 8, 'duplicates are asked once');
  assert.ok([...r.values()].every((x) => x.state === 'ok'));
  assert.equal(maxInFlight, 2);
});
