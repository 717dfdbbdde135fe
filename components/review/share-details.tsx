import type { CallShare } from "@/lib/calls/types";
import { formatUtc } from "@/lib/review/format";
import { Fact, Panel } from "./panel";

const deg = (n: number) => n.toFixed(4);

/** How the call was shared to the center (Data Share), or that it was not. */
export function ShareDetails({ shared, share }: { shared: boolean; share: CallShare | null }) {
  return (
    <Panel title="Data Share" headingId="share-details-title">
      {!share ? (
        <p className="text-sm text-muted" data-testid="share-none">
          {shared ? "Shared to the center, but no delivery is stored any more." : "Not shared through Data Share: opened by a telecommunicator's lookup."}
        </p>
      ) : (
        <dl className="divide-y divide-line/60" data-testid="share-details">
          <Fact term="Received">
            <span className="font-mono text-[13px]">{formatUtc(share.receivedAt)} UTC</span>
          </Fact>
          <Fact term="ECC account">{share.eccAccountId ?? <span className="text-muted">not sent</span>}</Fact>
          <Fact term="Jurisdiction">
            {share.bbox ? (
              <span className="font-mono text-xs">
                W {deg(share.bbox[0])} S {deg(share.bbox[1])}
                <br />E {deg(share.bbox[2])} N {deg(share.bbox[3])}
              </span>
            ) : (
              <span className="text-muted">no box sent</span>
            )}
          </Fact>
          {share.incident ? (
            <Fact term="Incident">
              <span className="font-mono text-xs">
                {share.incident.latitude.toFixed(6)}, {share.incident.longitude.toFixed(6)}
              </span>
            </Fact>
          ) : null}
          <Fact term="Latest location" testId="share-outside">
            {share.outsideJurisdiction === null ? (
              <span className="text-muted">cannot tell</span>
            ) : share.outsideJurisdiction ? (
              <span className="font-semibold text-warn">Outside this center&apos;s jurisdiction</span>
            ) : (
              "Inside the jurisdiction"
            )}
          </Fact>
        </dl>
      )}
    </Panel>
  );
}
