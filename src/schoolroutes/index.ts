/**
 * Safe school routes (儿童友好学径, plan task 22): where children walk to each school and
 * kindergarten, and which crossing on those walks to fix first. Other domains and the
 * composition root reach it only through this file.
 */
export { schoolRouteRoutes as schoolroutesDomain, type SchoolRouteDeps } from "./school-route-routes.ts";
export { SchoolRouteService } from "./school-route-service.ts";
export { loadSchoolData, saveSchoolData, schoolRouteFile } from "./school-data.ts";
export { schoolRouteMigrations } from "./migrations.ts";
export { checkCatchments, replaceCatchments, type Catchment } from "./catchments.ts";
