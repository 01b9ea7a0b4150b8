// The web host's token stays with the web host: the printed address carries it in the fragment
// (never sent to a server), the page takes it out of the address bar at once and keeps it for this tab
// only, a reload keeps working, and another server on 127.0.0.1 (a dev server, another program) that
// the same browser talks to receives nothing of it: no cookie, no query, no referrer.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDesk, table } from './helpers/desk';
import { expect, test } from './helpers/fixture';

test.use({ deskOptions: { demo: { shipments: 60, seed: 3 } }, locale: 'en-US' });

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

/** Another local web server, on another port: it writes down every request it gets. */
async function otherLocalServer(): Promise<{ server: Server; port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Another local program</title><p>another program</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

test('the token leaves the address bar, a reload keeps working, and another local server never receives it', async ({
  page,
  context,
  desk,
}) => {
  const token = desk.host.token;
  expect(desk.host.url).toBe(`http://127.0.0.1:${desk.host.port}/#token=${token}`);
  await openDesk(page, desk);
  // Out of the address bar (and so out of history, bookmarks and screenshots of it).
  expect(page.url()).toBe(`http://127.0.0.1:${desk.host.port}/`);
  // Nothing set for the browser to hand to other ports.
  expect(await context.cookies()).toEqual([]);

  // A reload in the same tab: the token kept for this tab opens the desk again.
  await page.reload();
  await expect(table(page)).toHaveAttribute('data-generation', /[1-9]/);
  await expect(page.getByTestId('operator')).toBeVisible();
  expect(page.url()).not.toContain(token);

  const other = await otherLocalServer();
  try {
    // The page itself goes to the other program (it would send cookies and a referrer if it had any)...
    await page.evaluate((url) => {
      window.location.href = url;
    }, `http://127.0.0.1:${other.port}/from-the-page`);
    await expect(page.getByText('another program')).toBeVisible();
    // ...and the browser context asks it directly too.
    const direct = await context.request.get(`http://127.0.0.1:${other.port}/from-the-context`);
    expect(direct.status()).toBe(200);

    const paths = other.seen.map((s) => s.url);
    expect(paths).toContain('/from-the-page');
    expect(paths).toContain('/from-the-context');
    for (const request of other.seen) {
      expect(request.headers.cookie, request.url).toBeUndefined();
      expect(request.headers.authorization, request.url).toBeUndefined();
      expect(JSON.stringify(request), request.url).not.toContain(token);
    }
  } finally {
    await new Promise<void>((resolve) => other.server.close(() => resolve()));
  }

  // Back in the same tab, the desk opens without the printed address: the token stayed with this tab.
  await page.goto(`http://127.0.0.1:${desk.host.port}/`);
  await expect(table(page)).toHaveAttribute('data-generation', /[1-9]/);

  // A new tab given only the bare address has no token: the page's files load, the data does not.
  const stranger = await context.newPage();
  const answer = await stranger.goto(`http://127.0.0.1:${desk.host.port}/`);
  expect(answer?.status()).toBe(200);
  await expect(stranger.getByText('Disconnected: reconnecting…')).toBeVisible();
  await expect(table(stranger)).not.toHaveAttribute('data-generation', /[1-9]/);
  await stranger.close();
});
