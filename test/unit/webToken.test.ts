// How the page takes the web host's token: from the address's fragment (then gone from the address
// bar), else from this tab's storage; never anything that is not a token of the host's alphabet.
import { describe, expect, it } from 'vitest';
import { socketProtocols, takeWebToken } from '../../renderer/src/api/webToken';

const TOKEN = 'AbCdEf0123456789_-xyz';

function tab(hash: string, stored: string | null = null, search = '') {
  const storage = new Map<string, string>(stored === null ? [] : [['shipdesk.webToken', stored]]);
  const address = { hash, pathname: '/', search };
  const replaced: string[] = [];
  return {
    where: {
      location: address,
      history: {
        state: null,
        replaceState: (_s: unknown, _t: string, url?: string | URL | null) => {
          replaced.push(String(url));
        },
      },
      sessionStorage: {
        getItem: (k: string) => storage.get(k) ?? null,
        setItem: (k: string, v: string) => void storage.set(k, v),
      },
    },
    storage,
    replaced,
  };
}

describe('takeWebToken', () => {
  it('takes the token from the fragment, keeps it for the tab and removes it from the address bar', () => {
    const t = tab(`#token=${TOKEN}`);
    expect(takeWebToken(t.where)).toBe(TOKEN);
    expect(t.storage.get('shipdesk.webToken')).toBe(TOKEN);
    expect(t.replaced).toEqual(['/']);
  });

  it('keeps the rest of the address as it was', () => {
    const t = tab(`#token=${TOKEN}&view=x`, null, '?lang=ko');
    expect(takeWebToken(t.where)).toBe(TOKEN);
    expect(t.replaced).toEqual(['/?lang=ko#view=x']);
  });

  it('after a reload (no fragment) uses the one kept for this tab, and touches no address', () => {
    const t = tab('', TOKEN);
    expect(takeWebToken(t.where)).toBe(TOKEN);
    expect(t.replaced).toEqual([]);
  });

  it('refuses what is not a token, but still clears it from the address bar', () => {
    const t = tab('#token=%3Cscript%3E');
    expect(takeWebToken(t.where)).toBeNull();
    expect(t.replaced).toEqual(['/']);
    expect(t.storage.size).toBe(0);
    expect(takeWebToken(tab('', 'short').where)).toBeNull();
  });
});

describe('socketProtocols', () => {
  it('offers the plain protocol first and the token as the second', () => {
    expect(socketProtocols(TOKEN)).toEqual(['shipdesk', `shipdesk-token.${TOKEN}`]);
    expect(socketProtocols(null)).toEqual(['shipdesk']);
  });
});
