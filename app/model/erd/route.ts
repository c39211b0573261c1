import { permanentRedirect } from 'next/navigation';
import type { NextRequest } from 'next/server';

/** The diagram lived here before it became /model: shared links keep working, query included. */
export function GET(request: NextRequest): never {
  permanentRedirect(`/model${request.nextUrl.search}`);
}
