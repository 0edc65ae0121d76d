// resolvable: an import that resolves to nothing would escape every other rule.
import { placeTable } from "./place-tables.ts";

export const store = placeTable;
