import { describe, expect, it } from "vitest";
import { boundsOf } from "./bounds";

describe("boundsOf", () => {
  it("is the box around the points, west-south then east-north", () => {
    expect(boundsOf([[-80, 40.5], [-79.9, 40.4], [-80.1, 40.45]])).toEqual([[-80.1, 40.4], [-79.9, 40.5]]);
  });
  it("is a point's own box for one point, and null for none", () => {
    expect(boundsOf([[-80, 40]])).toEqual([[-80, 40], [-80, 40]]);
    expect(boundsOf([])).toBeNull();
  });
});
