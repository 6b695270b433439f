// next-auth configuration: email + password (Credentials), JWT sessions in an httpOnly cookie (Secure and
// __Secure-prefixed when the console is served over https). The token carries only the user id; the role is read
// from the database on every request (lib/auth/current-actor.ts).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { derivedKey } from '../crypto/master-key';
import { authenticateUser } from '../services/users/authenticate-user';
import { assertSignInAllowed, recordFailedSignIn, recordSuccessfulSignIn } from './sign-in-throttle';

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = String(headers?.['x-forwarded-for'] ?? '');
  // The last hop is the one our own server added; earlier entries are whatever the client claimed.
  return forwarded.split(',').pop()?.trim() || 'unknown';
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET || derivedKey('nextauth').toString('hex'),
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? '')
          .trim()
          .toLowerCase();
        const password = String(credentials?.password ?? '');
        if (!email || !password) return null;
        const address = clientAddress(req?.headers as Record<string, unknown> | undefined);
        await assertSignInAllowed(email, address);
        const user = await authenticateUser(email, password);
        if (!user) {
          await recordFailedSignIn(email, address);
          return null;
        }
        await recordSuccessfulSignIn(email);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
};
