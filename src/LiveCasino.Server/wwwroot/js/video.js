// The video area of a table: the table's stream descriptor ({ urls: {protocol: url}, delayMs:
// {protocol: ms} }) names where its video is (the video itself is not served by the node). We show
// the lowest-latency feed a <video> element can take, its address, and a "sync results with the
// video" switch that holds results until the video shows them; with no feed, a placeholder.

import { el } from "./format.js";

/** Lowest latency first; WebRTC needs a signalling client of its own, so it is only linked. */
const PREFERENCE = ["ll-hls", "hls", "dash", "mp4", "webrtc"];

/** The feed to show: [protocol, url, delayMs] or null. */
export function chooseFeed(stream) {
    const urls = stream?.urls ?? {};
    const protocols = Object.keys(urls);
    if (protocols.length === 0) return null;
    protocols.sort((a, b) => rank(a) - rank(b));
    const p = protocols[0];
    return [p, urls[p], stream.delayMs?.[p] ?? 0];
}

const rank = (p) => {
    const i = PREFERENCE.indexOf(p);
    return i < 0 ? PREFERENCE.length : i;
};

/**
 * Draws the video area; answers the delay (ms) to hold results by. <sync> is the checkbox that
 * turns alignment on and off; <setDelay> hears its changes.
 */
export function showVideo(container, stream, sync, setDelay) {
    const feed = chooseFeed(stream);
    if (!feed) {
        container.replaceChildren(el("div", { class: "placeholder", testid: "video-placeholder" },
            el("div", {}, "No video feed for this table"),
            el("div", { class: "muted" }, "Results are shown as they happen.")));
        sync.checked = false;
        sync.disabled = true;
        return 0;
    }
    const [protocol, url, delayMs] = feed;
    const safe = /^https?:\/\//i.test(url) ? url : null; // never a javascript: or data: address
    const video = el("video", { autoplay: true, muted: true, playsinline: true, testid: "video-player" });
    if (safe && protocol !== "webrtc") video.src = safe;
    const overlay = el("div", { class: "overlay", testid: "video-url" }, `${protocol} · ${delayMs} ms behind live · `,
        safe ? el("a", { href: safe, target: "_blank", rel: "noopener noreferrer" }, safe) : url);
    video.addEventListener("error", () => {
        container.replaceChildren(el("div", { class: "placeholder", testid: "video-placeholder" },
            el("div", {}, "This browser cannot play the feed here"), el("div", { class: "muted" }, url)), overlay);
    });
    container.replaceChildren(video, overlay);
    sync.disabled = false;
    sync.onchange = () => setDelay(sync.checked ? delayMs : 0);
    return sync.checked ? delayMs : 0;
}
