import { z } from "zod";
import { CarrierServiceRequest } from "../../contracts/carrier-service";

/**
 * The callback's request schema compiled ahead of time (https://zod.dev/compile): one generated validator instead of
 * zod's walk over the request's ~80 fields, with identical results and identical errors (an invalid body falls back
 * to the runtime parser, which writes the issues). Compiled strictly: a schema the compiler cannot model fails when
 * the module loads instead of silently running uncompiled.
 */
export const CompiledCarrierServiceRequest = z.compile(CarrierServiceRequest, { strict: true });
