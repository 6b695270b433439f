// Test helper: repeats a request until its answer satisfies `done` or `ms` have passed (configuration reaches a
// running gateway through LISTEN/NOTIFY, within a second), and returns the last answer either way.
export async function eventually(
  attempt: () => Promise<Response>,
  done: (res: Response) => boolean | Promise<boolean>,
  ms = 1000,
): Promise<Response> {
  const deadline = Date.now() + ms;
  for (;;) {
    const res = await attempt();
    if ((await done(res)) || Date.now() > deadline) return res;
    await new Promise((r) => setTimeout(r, 20));
  }
}
