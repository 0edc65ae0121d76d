/** Access analysis for planners: who is within a walk of which places, and where to build next. */
export { CoverageService } from "./coverage-service.ts";
export { accessDomain } from "./coverage-routes.ts";
export { accessFile, loadAccessData, saveResidentialAreas } from "./access-data.ts";
export { WalkNetwork } from "./walk-times.ts";
export { residentialAreas, ringAreaAndCentroid, type ResidentialArea } from "./residential-areas.ts";
