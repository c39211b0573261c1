/** Runs once when the server starts (Next.js instrumentation): the embedded warehouse's load inbox. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startEmbeddedInbox } = await import('./server/embedded-inbox');
  try {
    startEmbeddedInbox();
  } catch (error) {
    // A misconfigured environment is reported by the first request that needs the warehouse, in a sentence.
    console.error(`[warehouse] the load inbox is not watched: ${(error as Error).message}`);
  }
}
