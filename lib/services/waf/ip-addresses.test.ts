import { describe, expect, it } from 'vitest';
import { ServiceError } from '../errors';
import { checkIpAddresses, ipv4Value, ipv6Value, isWafCidr, MAX_ADDRESSES_PER_IP_SET } from './ip-addresses';
import { WafInvalidParameterError } from './waf-errors';

describe('ipv4Value', () => {
  it('reads dotted quads, refusing leading zeros, big octets and other shapes', () => {
    expect(ipv4Value('192.0.2.1')).toBe(0xc0000201n);
    expect(ipv4Value('0.0.0.0')).toBe(0n);
    expect(ipv4Value('255.255.255.255')).toBe(0xffffffffn);
    for (const bad of [
      '192.0.2',
      '192.0.2.1.5',
      '192.0.2.256',
      '192.0.02.1',
      '192.0.2.-1',
      '192.0.2.a',
      '',
      '1..2.3',
    ]) {
      expect(ipv4Value(bad), bad).toBeNull();
    }
  });
});

describe('ipv6Value', () => {
  it('reads full, compressed and IPv4-suffixed notations', () => {
    expect(ipv6Value('2001:db8::1')).toBe((0x20010db8n << 96n) | 1n);
    expect(ipv6Value('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe((0x20010db8n << 96n) | 1n);
    expect(ipv6Value('::')).toBe(0n);
    expect(ipv6Value('::1')).toBe(1n);
    expect(ipv6Value('ffff::')).toBe(0xffffn << 112n);
    expect(ipv6Value('::ffff:192.0.2.1')).toBe((0xffffn << 32n) | 0xc0000201n);
    expect(ipv6Value('1:2:3:4:5:6:192.0.2.1')).not.toBeNull();
  });

  it('refuses what is not one address', () => {
    for (const bad of [
      '2001:db8:::1',
      '2001::db8::1',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4::5:6:7:8',
      '12345::',
      'g::1',
      ':1::',
      '1::2:',
      'fe80::1%eth0',
      '192.0.2.1::',
      '::192.0.2.256',
      '',
    ]) {
      expect(ipv6Value(bad), bad).toBeNull();
    }
  });
});

describe('isWafCidr', () => {
  it('takes every prefix but /0 of the set’s own family, with no bits past the prefix', () => {
    for (const ok of ['192.0.2.0/24', '192.0.2.44/32', '10.0.0.0/8', '128.0.0.0/1', '0.0.0.0/1']) {
      expect(isWafCidr(ok, 'IPV4'), ok).toBe(true);
    }
    for (const ok of ['2001:db8::/32', '::1/128', '1111:0000:0000:0000:0000:0000:0000:0111/128', '8000::/1']) {
      expect(isWafCidr(ok, 'IPV6'), ok).toBe(true);
    }
    for (const bad of [
      '0.0.0.0/0',
      '192.0.2.1/24',
      '192.0.2.0',
      '192.0.2.0/33',
      '192.0.2.0/024',
      '192.0.2.0/',
      '/24',
    ]) {
      expect(isWafCidr(bad, 'IPV4'), bad).toBe(false);
    }
    for (const bad of ['::/0', '2001:db8::1/64', '2001:db8::/129', '192.0.2.0/24', '2001:db8::/ 32']) {
      expect(isWafCidr(bad, 'IPV6'), bad).toBe(false);
    }
    expect(isWafCidr('2001:db8::/32', 'IPV4')).toBe(false);
  });
});

describe('checkIpAddresses', () => {
  it('names the first address WAF would refuse, with WAF’s field and reason', () => {
    const error = (() => {
      try {
        checkIpAddresses('IPV4', ['192.0.2.0/24', '192.0.2.1/24', '0.0.0.0/0']);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(WafInvalidParameterError);
    expect(error).toMatchObject({
      type: 'WAFInvalidParameterException',
      field: 'IP_ADDRESS',
      parameter: '192.0.2.1/24',
      reason: 'The parameter contains formatting that is not valid.',
      message:
        'Error reason: The parameter contains formatting that is not valid., field: IP_ADDRESS, parameter: 192.0.2.1/24',
    });
  });

  it('takes up to 10,000 addresses and refuses more with WAFLimitsExceededException', () => {
    const addresses = Array.from({ length: MAX_ADDRESSES_PER_IP_SET + 1 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
    expect(() => checkIpAddresses('IPV4', addresses.slice(0, MAX_ADDRESSES_PER_IP_SET))).not.toThrow();
    expect(() => checkIpAddresses('IPV4', addresses)).toThrow(ServiceError);
    expect(() => checkIpAddresses('IPV4', addresses)).toThrow(
      'AWS WAF couldn’t perform the operation because you exceeded your resource limit.',
    );
  });
});
