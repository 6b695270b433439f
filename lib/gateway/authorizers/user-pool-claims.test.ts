import { describe, expect, it } from 'vitest';
import { javaDate, userPoolClaims } from './user-pool-claims';

describe('user pool claims as AWS hands them on', () => {
  it('prints exp and iat as Java dates, other numbers as digits (quirk seen on AWS: auth_time stays a number)', () => {
    expect(userPoolClaims({ exp: 1680633579, iat: 1680629979, auth_time: 1680629979 })).toEqual({
      exp: 'Tue Apr 04 18:39:39 UTC 2023',
      iat: 'Tue Apr 04 17:39:39 UTC 2023',
      auth_time: '1680629979',
    });
  });

  it('joins arrays with commas and prints booleans and objects as text (quirk: cognito:groups is no list)', () => {
    expect(
      userPoolClaims({ 'cognito:groups': ['admin', 'dev'], email_verified: false, address: { city: 'Oslo' } }),
    ).toEqual({ 'cognito:groups': 'admin,dev', email_verified: 'false', address: '{"city":"Oslo"}' });
    expect(userPoolClaims({ 'cognito:groups': ['solo'] })).toEqual({ 'cognito:groups': 'solo' });
  });

  it('pads the day of the month as java.util.Date does', () => {
    expect(javaDate(Date.UTC(2026, 0, 5, 3, 4, 5) / 1000)).toBe('Mon Jan 05 03:04:05 UTC 2026');
  });
});
