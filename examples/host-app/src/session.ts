// The host's own sign-in: the demo signs a seeded user in against the reference server and keeps
// the bearer token in memory. A real host has its own session; the adapter only needs headers.

/** The two seeded people the demo can be viewed as. */
export const DEMO_PEOPLE = {
  admin: { email: 'anna.schmidt@nordlicht.example', label: 'Anna Schmidt (admin)' },
  viewer: { email: 'matteo.rossi@nordlicht.example', label: 'Matteo Rossi (read-only)' },
} as const;
export type DemoPerson = keyof typeof DEMO_PEOPLE;

/** Every seeded demo user's password (a local demo; see the reference server's README). */
const DEMO_PASSWORD = 'nordlicht-demo';

export async function signIn(person: DemoPerson): Promise<string> {
  const response = await fetch('/v1/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: DEMO_PEOPLE[person].email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`Sign-in failed (${response.status})`);
  const { token } = (await response.json()) as { token: string };
  return token;
}
