import { z } from "zod";
import { notFound } from "@/lib/server/http";

/** A call id in a URL; anything that is not one cannot name a call, so it is a 404. */
export const callIdSchema = z.string().transform((value) => {
  if (!z.uuid().safeParse(value).success) throw notFound("No such call.");
  return value;
});
