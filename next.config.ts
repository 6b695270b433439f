import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Prisma's client and pg run as plain Node modules on the server, not bundled.
  serverExternalPackages: ['@prisma/client', '@prisma/adapter-pg', 'pg'],
  // AWS SDKs call paths with a trailing slash (STS posts to `<endpoint>/sts/`, Lambda lists `/2015-03-31/functions/`):
  // they are served as they come, never answered with a redirect the SDKs would not follow.
  skipTrailingSlashRedirect: true,
};

export default nextConfig;
