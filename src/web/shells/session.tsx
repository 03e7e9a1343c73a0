/** Who is logged in, for the whole app; the server remains the judge of every permission. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me } from '../../shared/contracts/identity.ts';
import { can, type Permission, type Scope } from '../../shared/permissions.ts';
import { api, ApiError } from '../api/client.ts';

interface Session {
  me: Me | null;
  ready: boolean;
  logIn(email: string, password: string): Promise<Me>;
  signUp(body: unknown): Promise<Me>;
  logOut(): Promise<void>;
  /** Reads who is logged in again, after something changed their roles (an invitation accepted, a role changed). */
  refresh(): Promise<void>;
  can(permission: Permission, scope?: Scope): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    api<Me>('/auth/me')
      .then(setMe)
      .catch((error: unknown) => {
        if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
      })
      .finally(() => setReady(true));
  }, []);

  const logIn = useCallback(async (email: string, password: string) => {
    const person = await api<Me>('/auth/login', { method: 'POST', body: { email, password } });
    setMe(person);
    return person;
  }, []);
  const signUp = useCallback(async (body: unknown) => {
    const person = await api<Me>('/auth/signup', { method: 'POST', body });
    setMe(person);
    return person;
  }, []);
  const logOut = useCallback(async () => {
    await api('/auth/logout', { method: 'POST' });
    setMe(null);
  }, []);
  const refresh = useCallback(async () => {
    setMe(await api<Me>('/auth/me'));
  }, []);

  const value = useMemo<Session>(() => ({
    me, ready, logIn, signUp, logOut, refresh,
    can: (permission, scope) => (me ? can(me.grants, permission, scope) : false),
  }), [me, ready, logIn, signUp, logOut, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
