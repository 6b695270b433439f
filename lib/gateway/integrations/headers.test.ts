import { describe, expect, it } from 'vitest';
import { methodResponseHeaders, proxyResponseHeaders } from './headers';

type Pairs = Array<[string, string]>;
const raw = (pairs: Pairs) => pairs.flat().map((part) => Buffer.from(part, 'latin1'));
const pairsOf = (flat: string[]): Pairs => flat.flatMap((v, i) => (i % 2 === 0 ? [[v, flat[i + 1] as string]] : []));

describe('proxyResponseHeaders (HTTP_PROXY)', () => {
  it('keeps order and repeated headers, renames the four AWS keeps, drops hop-by-hop ones and Via', () => {
    const out = proxyResponseHeaders(
      raw([
        ['Set-Cookie', 'a=1'],
        ['Date', 'Sun, 22 Nov 2026 06:00:00 GMT'],
        ['Set-Cookie', 'b=2'],
        ['Server', 'backend'],
        ['Connection', 'keep-alive'],
        ['Keep-Alive', 'timeout=5'],
        ['Transfer-Encoding', 'chunked'],
        ['Via', '1.1 cache'],
        ['Content-Encoding', 'gzip'],
        ['Content-Length', '12'],
        ['WWW-Authenticate', 'Basic'],
      ]),
    );
    expect(pairsOf(out)).toEqual([
      ['Set-Cookie', 'a=1'],
      ['x-amzn-Remapped-Date', 'Sun, 22 Nov 2026 06:00:00 GMT'],
      ['Set-Cookie', 'b=2'],
      ['x-amzn-Remapped-Server', 'backend'],
      ['x-amzn-Remapped-Connection', 'keep-alive'],
      // Content-Encoding describes the body, passed on as it came (LocalStack drops it: its client has decoded it)
      ['Content-Encoding', 'gzip'],
      ['x-amzn-Remapped-Content-Length', '12'],
      ['Content-Length', '12'],
      // only the mapped headers of a non-proxy HTTP integration get the wider renaming
      ['WWW-Authenticate', 'Basic'],
    ]);
  });
});

describe('methodResponseHeaders (MOCK and HTTP)', () => {
  const mapped = {
    'Content-Type': 'application/json',
    'content-length': '999',
    Date: 'yesterday',
    'Transfer-Encoding': 'chunked',
    'WWW-Authenticate': 'Basic',
    'user-agent': 'backend',
    'X-Custom': ['a', 'b'],
  };

  it('renames, for HTTP, every header AWS keeps for itself, with its canonical spelling', () => {
    expect(methodResponseHeaders(mapped, 'HTTP')).toEqual({
      'Content-Type': 'application/json',
      'x-amzn-Remapped-Content-Length': '999',
      'x-amzn-Remapped-Date': 'yesterday',
      'x-amzn-Remapped-WWW-Authenticate': 'Basic',
      'x-amzn-Remapped-User-Agent': 'backend',
      'X-Custom': ['a', 'b'],
    });
  });

  it("renames, for MOCK, only the four of HTTP_PROXY (AWS's narrower list for non-HTTP integrations)", () => {
    expect(methodResponseHeaders(mapped, 'MOCK')).toEqual({
      'Content-Type': 'application/json',
      'x-amzn-Remapped-Content-Length': '999',
      'x-amzn-Remapped-Date': 'yesterday',
      'WWW-Authenticate': 'Basic',
      'user-agent': 'backend',
      'X-Custom': ['a', 'b'],
    });
  });
});
