import { describe, expect, it } from "vitest";
import { avatarSrc, DEFAULT_AVATAR_PATH, X_IMAGE_ORIGINS, xImageOrigins } from "./profile-image";

const picture = "https://pbs.twimg.com/profile_images/1234/abcd_normal.jpg";

describe("avatarSrc", () => {
  it("shows an X picture from X's CDN when X is real", () => {
    expect(avatarSrc(picture, X_IMAGE_ORIGINS)).toBe(picture);
  });

  it("shows the shop's default when X gave no picture", () => {
    expect(avatarSrc(null, X_IMAGE_ORIGINS)).toBe(DEFAULT_AVATAR_PATH);
    expect(avatarSrc("", X_IMAGE_ORIGINS)).toBe(DEFAULT_AVATAR_PATH);
  });

  it("swaps X's own default picture for the shop's, even on an allowed host", () => {
    for (const url of [
      "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png",
      "https://pbs.twimg.com/sticky/default_profile_images/default_profile_400x400.png",
    ])
      expect(avatarSrc(url, X_IMAGE_ORIGINS)).toBe(DEFAULT_AVATAR_PATH);
  });

  it("loads nothing from a host that is not allowed", () => {
    for (const url of [
      "https://tracker.example/p.png",
      "http://pbs.twimg.com/profile_images/1/a.jpg",
      "https://pbs.twimg.com.evil.example/a.jpg",
      "javascript:alert(1)",
      "not a url",
    ])
      expect(avatarSrc(url, X_IMAGE_ORIGINS)).toBe(DEFAULT_AVATAR_PATH);
  });

  it("loads no picture from anywhere when the shop runs against the simulator", () => {
    const origins = xImageOrigins({ simulated: true });
    expect(origins).toEqual([]);
    expect(avatarSrc(picture, origins)).toBe(DEFAULT_AVATAR_PATH);
    expect(xImageOrigins({ simulated: false })).toEqual(X_IMAGE_ORIGINS);
  });
});
