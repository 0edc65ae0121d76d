/**
 * The contract of GET /api/search and GET /api/suggest: one query for both (the suggest list
 * is shorter by default), and the suggestion the typing box shows.
 */
import { z } from "zod";
import { CATEGORY_IDS } from "../categories.ts";
import { FACILITY_IDS } from "../facilities.ts";
import { LIMITS, REGION_ID_PATTERN } from "../limits.ts";
import { placeSchema } from "../place.ts";
import { booleanFlag, integerIn, latitude, listOf, longitude } from "./fields.ts";
import { both } from "./messages.ts";
import { MAX_QUERY_LENGTH } from "./vocabulary.ts";

export { MAX_QUERY_LENGTH } from "./vocabulary.ts";

/** The query of /api/search and /api/suggest; lat and lon come together, unknown parameters are refused. */
export const searchQuery = z.object({
  q: z.string().min(1, both("请输入要搜索的内容", "type something to search for")).max(MAX_QUERY_LENGTH, both(`最多 ${MAX_QUERY_LENGTH} 个字`, `at most ${MAX_QUERY_LENGTH} characters`))
    .meta({ description: `What was typed: Chinese, pinyin, initials or English, 1–${MAX_QUERY_LENGTH} characters`, example: "公园" }),
  lat: latitude.optional().meta({ description: "User latitude (WGS-84), with lon", example: 26.89 }),
  lon: longitude.optional().meta({ description: "User longitude (WGS-84), with lat", example: 112.57 }),
  focus_lat: latitude.optional().meta({ description: "Where to look first when the user's position is unknown or elsewhere (the map centre), with focus_lon: ranks by nearness to it, gives no distances", example: 26.89 }),
  focus_lon: longitude.optional().meta({ description: "Longitude of the point to look around first, with focus_lat", example: 112.57 }),
  limit: integerIn(1, 50).default(20).meta({ description: "Most hits (search 20, suggest 8 by default)", example: 20 }),
  category: listOf(CATEGORY_IDS, "category").optional().meta({ description: "Comma-separated categories (any of)", example: "play" }),
  facility: listOf(FACILITY_IDS, "facility").optional().meta({ description: "Comma-separated facilities (all of)", example: "changing_table" }),
  age: integerIn(0, LIMITS.maxAge).optional().meta({ description: "A child's age in years", example: 6 }),
  open_now: booleanFlag.optional().meta({ description: "Only places open now", example: "false" }),
  district: z.string().regex(/^\d{6}$/, both("应为 6 位区县代码", "a 6-digit county code")).optional().meta({ description: "A county's 6-digit division code", example: "430405" }),
  region: z.string().regex(REGION_ID_PATTERN, both("地区编号格式不对", "unknown region id format")).optional().meta({ description: "Region id", example: "hengyang" }),
}).strict().refine((q) => (q.lat === undefined) === (q.lon === undefined), { message: both("纬度和经度要一起填", "give lat and lon together"), path: ["lat"] })
  .refine((q) => (q.focus_lat === undefined) === (q.focus_lon === undefined), { message: both("focus_lat 和 focus_lon 要一起填", "give focus_lat and focus_lon together"), path: ["focus_lat"] });

/** One suggestion of GET /api/suggest. */
export const suggestion = z.object({
  id: z.string(),
  name: placeSchema.shape.name,
  category: z.enum(CATEGORY_IDS),
  icon: z.string(),
  districtName: z.string().nullable(),
  distanceM: z.number().nullable(),
  lon: z.number(),
  lat: z.number(),
  matched: z.boolean(),
});
/** One suggestion, as the typing box shows it. */
export type Suggestion = z.infer<typeof suggestion>;
