import { handleSessionsRequest } from '@/server/metrics/sessions-http';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return handleSessionsRequest(new URL(request.url));
}
