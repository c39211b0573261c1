import { handleMetricRequest } from '@/server/metrics/http';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ metric: string }> }) {
  const { metric } = await params;
  return handleMetricRequest(metric, new URL(request.url));
}
