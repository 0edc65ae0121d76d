// core-imports-only-core: two folders deep into platform, which `../platform/*` never matched.
import { openDatabase } from "../platform/database/open-database.ts";

export const open = openDatabase;
