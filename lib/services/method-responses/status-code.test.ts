import { describe, expect, it } from 'vitest';
import { checkStatusCode } from './status-code';

describe('status codes', () => {
  it('are three digits from 100 to 599', () => {
    for (const code of ['100', '200', '404', '599']) expect(() => checkStatusCode(code)).not.toThrow();
    for (const code of ['99', '600', '20x', '2000', '']) {
      expect(() => checkStatusCode(code)).toThrow('Member must satisfy regular expression pattern: [1-5]\\d\\d');
    }
  });
});
