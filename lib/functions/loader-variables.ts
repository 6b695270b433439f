// Environment variables a function may not set.

/**
 * Variables the dynamic loader, the C library or OpenSSL read as the process starts, before Node's permission model
 * applies (`LD_PRELOAD=./evil.so` runs native code; `OPENSSL_CONF` loads a provider module): refused when a function
 * is configured, and dropped when its process starts.
 */
const LOADER_PREFIXES = [
  'LD_',
  'OPENSSL_',
  'SSL_',
  'GCONV',
  'GLIBC_',
  'MALLOC_',
  'NLS',
  'LOCPATH',
  'HOSTALIASES',
  'RES_OPTIONS',
  'LOCALDOMAIN',
  'TZDIR',
];
export const isLoaderVariable = (name: string): boolean =>
  LOADER_PREFIXES.some((prefix) => name.toUpperCase().startsWith(prefix));
