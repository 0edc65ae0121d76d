/**
 * The `tongxing` command. `start` serves the platform (building what is missing first);
 * `import` brings a city's own files in: an OSM extract, a sites spreadsheet, divisions,
 * or a whole region folder. Run through npm: `npm run tongxing -- import osm city.osm.pbf ...`.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { importOsmExtract } from "./app/osm-extract.ts";
import { PLANS_DATA_DIR } from "./app/bootstrap.ts";
import { addUser, importPlan } from "./app/plan-commands.ts";
import { loadBundledPlans } from "./plan/index.ts";
import { loadRegionFolder } from "./app/region-folder.ts";
import { startServer } from "./app/server.ts";
import { COORDINATE_SYSTEMS, type CoordinateSystem } from "./core/geo.ts";
import { runRetention } from "./app/retention-job.ts";
import { SignupCodes, normalizeLogin } from "./accounts/index.ts";
import { REGION_ID_PATTERN } from "./core/limits.ts";
import { OsmFormatError } from "./osm/index.ts";
import { type ImportFailure, importSitesFile } from "./places/index.ts";
import { loadConfig } from "./platform/config.ts";
import { openDatabase } from "./app/database.ts";
import { RegionDirectory, readDivisionFiles, replaceDivisions } from "./regions/index.ts";
import { checkCatchments, loadSchoolData, replaceCatchments } from "./schoolroutes/index.ts";
import { runTransitImport } from "./transit/index.ts";

const USAGE = `Usage:
  tongxing start                                   serve the platform (PORT, HOST, DATA_DIR, DATABASE_URL)
  tongxing import osm <file.osm.pbf|.osm> --region <id> [--name-zh 名称] [--name-en Name] [--time-zone Asia/Shanghai] [--replace]
  tongxing import sites <file.csv|.xlsx|.geojson> --region <id> --crs wgs84|gcj02|bd09 [--source S] [--licence L] [--replace]
  tongxing import divisions <divisions.csv> --region <id> [--boundaries counties.geojson]
  tongxing import region <folder> [--replace]      a folder laid out like data/regions/hengyang
                                                   --replace: allow an import to remove places its
                                                   source brought before and the file no longer has
  tongxing import plan <plan.json>                 a city's action plan (format: data/plans/hengyang/plan.json)
  tongxing import gtfs <feed.zip> --region <id>    a GTFS timetable, all or nothing (docs/TRANSIT.md)
  tongxing import catchments <file.geojson> --region <id>
                                                   school catchments (one Polygon per school, property
                                                   "school": its id or name), replacing the region's
                                                   (docs/SCHOOL-ROUTES.md)
  tongxing import osm-bus <file.osm.pbf|.osm> --region <id> [--lines city.json] [--headway 10] [--hours 06:00-22:00]
                                                   bus and metro lines from OSM route relations,
                                                   headways and hours as estimates (docs/TRANSIT.md)
  tongxing user add <username> --role admin|reporter|reviewer|leader|moderator|venue [--name 姓名] [--unit <unit id>] [--places <place id,...>]
                                                   password from TONGXING_PASSWORD or the first line of stdin
  tongxing retention                               delete now what the child privacy rules say is expired
  tongxing outbox <phone|e-mail>                   the messages (sign-up codes) waiting for that address,
                                                   newest first, until an SMS or e-mail gateway sends them`;

class UsageError extends Error {}

/**
 * The usage of one command (`user add`, `import sites`...): its lines of USAGE with their
 * continuation lines; every command's when none matches.
 */
function usageOf(words: ReadonlyArray<string | undefined>): string {
  const lines = USAGE.split("\n").slice(1);
  for (const depth of [2, 1]) {
    const prefix = `  tongxing ${words.slice(0, depth).filter(Boolean).join(" ")}`;
    if (words.slice(0, depth).filter(Boolean).length < depth) continue;
    const picked: string[] = [];
    let inside = false;
    for (const line of lines) {
      if (line.startsWith("  tongxing ")) inside = line === prefix || line.startsWith(`${prefix} `);
      if (inside) picked.push(line);
    }
    if (picked.length > 0) return `Usage:\n${picked.join("\n")}`;
  }
  return USAGE;
}

function need(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`missing ${what}`);
  return value;
}

async function start(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config, { buildWeb: true });
  console.log(`Tongxing listening on ${server.url}`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/** Says why an import changed nothing, and what to do about it; the command exits 1. */
function reportRefusal(failure: ImportFailure): void {
  process.exitCode = 1;
  if (failure.wouldRemove !== undefined) {
    console.error(`Nothing was imported: it ${failure.errors[0]!.message}.`);
    console.error("If those places are really gone, run the same command again with --replace.");
    return;
  }
  if (failure.errors.every((e) => e.row === 0)) {
    for (const e of failure.errors) console.error(`Nothing was imported: ${e.message}`);
    return;
  }
  console.error("Nothing was imported; fix these rows and try again:");
  for (const e of failure.errors.slice(0, 50)) console.error(`  row ${e.row}, ${e.field}: ${e.message}`);
}

/** "; removed 3 places the source no longer has" when an import removed some, else nothing. */
/** What happened to the places the source no longer has: deleted, or kept (marked removed) for the reviews, corrections or ideas that refer to them. */
const removedNote = (removed: number, kept = 0): string => {
  if (removed === 0) return "";
  const keptNote = kept > 0 ? ` (${kept} kept, marked removed, because reviews, corrections or ideas refer to them)` : "";
  return `; removed ${removed} place${removed === 1 ? "" : "s"} the source no longer has${keptNote}`;
};

async function runImport(kind: string | undefined, file: string | undefined, flags: Record<string, string | undefined>, replace: boolean): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  const directory = new RegionDirectory();
  await directory.reload(db);
  try {
    if (kind === "plan") {
      const result = await importPlan(db, path.resolve(need(file, "plan file")));
      (result.ok ? console.log : console.error)(result.message);
      if (!result.ok) process.exitCode = 1;
      return;
    }
    if (kind === "region") {
      const r = await loadRegionFolder(db, directory, path.resolve(need(file, "folder")), { replace });
      if (!r.ok) return reportRefusal(r);
      console.log(`Region ${r.regionId}: ${r.divisions} divisions, ${r.places} places${removedNote(r.removed, r.kept)}`);
      return;
    }
    const regionId = need(flags["region"], "--region");
    if (!REGION_ID_PATTERN.test(regionId)) throw new UsageError("--region: lowercase letters, digits and dashes, 2-40 long");
    const source = path.resolve(need(file, "file"));
    if (kind === "osm") {
      const result = await importOsmExtract(db, directory, source, {
        regionId,
        name: { zh: flags["name-zh"] ?? regionId, en: flags["name-en"] ?? regionId },
        timeZone: flags["time-zone"] ?? "Asia/Shanghai",
        dataDir: config.DATA_DIR,
        replace,
      });
      if (!result.ok) return reportRefusal(result);
      console.log(`Imported ${result.places} places and ${result.tiles} tiles into ${regionId} (${result.busLines ?? 0} transit lines); ${result.notices.length} notices${removedNote(result.removed, result.kept)}`);
      for (const notice of result.notices.slice(0, 20)) console.log(`  ${notice.element}: ${notice.message}`);
      return;
    }
    if (!directory.get(regionId)) throw new UsageError(`no region "${regionId}": import its OSM extract or region folder first`);
    if (kind === "sites") {
      const crs = need(flags["crs"], "--crs (wgs84, gcj02 or bd09: the coordinate system of the file)");
      if (!(COORDINATE_SYSTEMS as readonly string[]).includes(crs)) throw new UsageError("--crs must be wgs84, gcj02 or bd09");
      const result = await importSitesFile(db, source, {
        regionId,
        crs: crs as CoordinateSystem,
        source: flags["source"] ?? path.basename(source),
        licence: flags["licence"] ?? "provided by the city",
        countyAt: (id, lon, lat) => directory.countyAt(id, lon, lat),
        replace,
      });
      if (!result.ok) return reportRefusal(result);
      const converted = result.encoding && result.encoding !== "utf-8" ? ` (the file was ${result.encoding.toUpperCase()} text, converted)` : "";
      return console.log(`Imported ${result.places} places into ${regionId}${removedNote(result.removed, result.kept)}${converted}`);
    }
    if (kind === "gtfs" || kind === "osm-bus") {
      const outcome = await runTransitImport(db, kind, regionId, source, flags, directory.get(regionId)!.timeZone);
      for (const line of outcome.lines) (outcome.ok ? console.log : console.error)(line);
      if (!outcome.ok) process.exitCode = 1;
      return;
    }
    if (kind === "catchments") {
      const data = loadSchoolData(config.DATA_DIR, regionId);
      if (!data) throw new UsageError(`${regionId} has no schools in ${config.DATA_DIR}: import its OSM extract first`);
      const checked = checkCatchments(JSON.parse(fs.readFileSync(source, "utf8")), data.schools);
      if (!checked.ok) {
        for (const p of checked.problems.slice(0, 50)) console.error(`  feature ${p.feature}: ${p.message}`);
        process.exitCode = 1;
        return;
      }
      await db.transaction((tx) => replaceCatchments(tx, regionId, checked.catchments));
      return console.log(`Imported ${checked.catchments.length} school catchments into ${regionId}`);
    }
    if (kind === "divisions") {
      const parsed = readDivisionFiles(regionId, source, flags["boundaries"] ? path.resolve(flags["boundaries"]) : null);
      if (!parsed.ok) {
        for (const p of parsed.problems.slice(0, 50)) console.error(`  row ${p.row}, ${p.field}: ${p.message}`);
        process.exitCode = 1;
        return;
      }
      await db.transaction((tx) => replaceDivisions(tx, regionId, parsed.divisions));
      return console.log(`Imported ${parsed.divisions.length} divisions into ${regionId}`);
    }
    throw new UsageError(`unknown import kind "${kind ?? ""}"`);
  } finally {
    await db.close();
  }
}

async function runUserAdd(username: string, flags: Record<string, string | undefined>): Promise<void> {
  const db = await openDatabase(loadConfig());
  try {
    await loadBundledPlans(db, PLANS_DATA_DIR, console.log);
    const result = await addUser(db, { username, role: need(flags["role"], "--role"), name: flags["name"], unit: flags["unit"], places: flags["places"] });
    (result.ok ? console.log : console.error)(result.message);
    if (!result.ok) process.exitCode = 1;
  } finally {
    await db.close();
  }
}

async function runRetentionNow(): Promise<void> {
  const db = await openDatabase(loadConfig());
  try {
    const deleted = await runRetention(db);
    for (const [rule, count] of Object.entries(deleted)) console.log(`${rule}: ${count} deleted`);
  } finally {
    await db.close();
  }
}

async function printOutbox(login: string): Promise<void> {
  const db = await openDatabase(loadConfig());
  try {
    const messages = await new SignupCodes(db).messagesTo(normalizeLogin(login) ?? login.trim().toLowerCase());
    if (messages.length === 0) console.log(`No message waits for ${login}.`);
    for (const body of messages) console.log(body);
  } finally {
    await db.close();
  }
}

/** The command line read, a mistake in it (an unknown option, a value missing) as a UsageError. */
function readArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(
          ["region", "name-zh", "name-en", "time-zone", "crs", "source", "licence", "boundaries", "role", "name", "unit", "places", "lines", "headway", "hours"].map((name) => [name, { type: "string" as const }]),
        ),
        replace: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function main(argv: string[]): Promise<void> {
  // --help or -h anywhere (even among a command's other options) prints usage and nothing else.
  if (argv.includes("--help") || argv.includes("-h") || argv[0] === "help") {
    console.log(usageOf(argv.filter((a) => !a.startsWith("-") && a !== "help")));
    return;
  }
  const { positionals, values } = readArgs(argv);
  const { replace, help: _help, ...strings } = values;
  const [command, kind, file] = positionals;
  if (command === "start") return start();
  if (command === "import") return runImport(kind, file, strings as Record<string, string | undefined>, replace === true);
  if (command === "retention") return runRetentionNow();
  if (command === "outbox") return printOutbox(need(kind, "phone number or e-mail"));
  if (command === "user" && kind === "add") return runUserAdd(need(file, "username"), strings as Record<string, string | undefined>);
  throw new UsageError(command ? `unknown command "${command}"` : "no command given");
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${usageOf(process.argv.slice(2).filter((a) => !a.startsWith("-")))}`);
  else if (error instanceof OsmFormatError) console.error(`Not a valid OSM file (${error.where}): ${error.message}; nothing was imported`);
  else console.error(error instanceof Error ? error.message : String(error));
  process.exit(process.exitCode ?? 1);
});
