import { describe, expect, it } from "vitest";
import type { RoutingAction } from "../../actions.server";
import { replacingAnnotations } from "../replace-annotations";

const state = { round: 0, status: "PENDING" as const, attempts: 0 };
const tags = (key: string, list: string[]): RoutingAction => ({ ...state, key, kind: "TAGS", tags: list });
const note = (key: string, marker: string): RoutingAction => ({
  ...state,
  key,
  kind: "NOTE",
  text: `${marker} Ships from Edison NJ`,
  marker,
});

describe("a re-decided order's tags and note", () => {
  it("removes the superseded decision's tags the new one does not keep, and replaces its note line", () => {
    // GIVEN the old decision tagged Ontario and parcel, and the new one tags Edison and parcel
    const previous = [
      tags("r0:tags", ["tailroute:ontario-ca", "tailroute:parcel"]),
      note("r0:note", "[Tailroute a]"),
    ];
    const next = [
      tags("r0:tags", ["tailroute:edison-nj", "tailroute:parcel"]),
      note("r0:note", "[Tailroute b]"),
    ];
    // WHEN the new actions take the old ones' place
    const [tagAction, noteAction] = replacingAnnotations(previous, next);
    // THEN only Ontario's tag goes, and the new note line replaces the old decision's
    expect(tagAction).toMatchObject({
      tags: ["tailroute:edison-nj", "tailroute:parcel"],
      removeTags: ["tailroute:ontario-ca"],
    });
    expect(noteAction).toMatchObject({ marker: "[Tailroute b]", replacesMarker: "[Tailroute a]" });
  });

  it("leaves a first decision's actions as they are", () => {
    const next = [tags("r0:tags", ["tailroute:edison-nj"]), note("r0:note", "[Tailroute b]")];
    expect(replacingAnnotations([], next)).toEqual(next);
  });
});
