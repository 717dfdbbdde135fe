"use client";

import { useEffect } from "react";
import { useMap } from "./map-context";

/**
 * While the user has follow on, each new location of the selected caller is eased into the
 * centre at the current zoom. Without it, new data never moves the camera.
 */
export function FollowCaller({
  enabled,
  position,
}: {
  enabled: boolean;
  position: { latitude: number; longitude: number } | null;
}) {
  const map = useMap();
  const lat = position?.latitude;
  const lng = position?.longitude;

  useEffect(() => {
    if (!enabled || lat === undefined || lng === undefined) return;
    map.easeTo({ center: [lng, lat], duration: 500 });
  }, [map, enabled, lat, lng]);

  return null;
}
