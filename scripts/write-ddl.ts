/** `npm run db:ddl`: regenerates the committed DDL files from the schema source of truth. */
import { writeFileSync } from 'node:fs';

import { ddlFiles } from '../db/ddl/files';

for (const file of ddlFiles()) {
  writeFileSync(file.path, file.text);
  console.log(`wrote ${file.path}`);
}
