import { connection } from 'next/server';

import { getWarehouseStatus } from '@/server/warehouse-status';

import { WarehouseStatusView } from './warehouse-status-view';

/** Reads the live warehouse at request time, never during `next build`. */
export async function WarehouseStatusPanel() {
  await connection();
  const status = await getWarehouseStatus();
  return <WarehouseStatusView status={status} checkedAt={new Date()} />;
}
