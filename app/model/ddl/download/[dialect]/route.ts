import { getWarehouseDdl, isDdlDialect } from '@/server/ddl';

/** The committed DDL file as a download: `redshift`, `postgres` or `duckdb`. */
export async function GET(_request: Request, { params }: { params: Promise<{ dialect: string }> }) {
  const { dialect } = await params;
  if (!isDdlDialect(dialect)) {
    return Response.json(
      { error: { code: 'invalid_parameter', param: 'dialect', message: 'dialect must be redshift, postgres or duckdb' } },
      { status: 400 },
    );
  }
  const file = getWarehouseDdl(dialect);
  return new Response(file.text, {
    headers: {
      'Content-Type': 'application/sql; charset=utf-8',
      'Content-Disposition': `attachment; filename="streamflix-warehouse.${dialect}.sql"`,
    },
  });
}
