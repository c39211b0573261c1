/** A column heading: text, or a numeric column whose heading aligns right like its cells. */
export type HeadColumn = string | { label: string; numeric: true };

export const num = (label: string): HeadColumn => ({ label, numeric: true });

export function TableHead({ columns }: { columns: readonly HeadColumn[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) =>
          typeof column === 'string' ? (
            <th key={column} scope="col">
              {column}
            </th>
          ) : (
            <th key={column.label} scope="col" className="num">
              {column.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
