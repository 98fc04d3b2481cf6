// npm `onvif` (an independent ONVIF client) against vigil-testcamera, for tst_onvif_reference_clients.
// Prints JSON on stdout; exits non-zero with {"error": ...} when the client fails.
//   node npm_onvif_client.js connect <host> <port> <path> <user> <password>
//   node npm_onvif_client.js ptz <host> <port> <path> <user> <password>
//   node npm_onvif_client.js events <host> <port> <path> <user> <password>   (one line per event)
//   node npm_onvif_client.js discover <timeoutMs>
'use strict';
const onvif = require('onvif');

function fail(error) {
    console.log(JSON.stringify({error: String(error && error.message ? error.message : error)}));
    process.exit(1);
}

function promised(cam, method, ...args) {
    return new Promise((resolve, reject) => {
        cam[method](...args, (error, result) => (error ? reject(error) : resolve(result)));
    });
}

function connect(host, port, path, username, password) {
    return new Promise((resolve, reject) => {
        const cam = new onvif.Cam({hostname: host, port: Number(port), path, username, password, timeout: 10000,
                                   autoconnect: false});
        cam.connect((error) => (error ? reject(error) : resolve(cam)));
    });
}

async function describe(args) {
    const cam = await connect(...args);
    const info = await promised(cam, 'getDeviceInformation');
    const profiles = (cam.profiles || []).map((p) => ({
        token: p.$.token,
        encoding: p.videoEncoderConfiguration.encoding,
        width: Number(p.videoEncoderConfiguration.resolution.width),
        height: Number(p.videoEncoderConfiguration.resolution.height),
        source: p.videoSourceConfiguration.sourceToken,
    }));
    const streams = {};
    for (const profile of profiles) {
        streams[profile.token] = (await promised(cam, 'getStreamUri', {protocol: 'RTSP', profileToken: profile.token})).uri;
    }
    const snapshot = (await promised(cam, 'getSnapshotUri', {profileToken: profiles[0].token})).uri;
    const time = await promised(cam, 'getSystemDateAndTime');
    console.log(JSON.stringify({info, profiles, streams, snapshot, time: time.toISOString(),
                                videoSources: [].concat(cam.videoSources || []).map((s) => s.$.token),
                                uri: Object.keys(cam.uri || {})}));
}

async function ptz(args) {
    const cam = await connect(...args);
    await promised(cam, 'continuousMove', {x: 0.5, y: -0.5, zoom: 0});
    await promised(cam, 'stop', {panTilt: true, zoom: true});
    await promised(cam, 'setPreset', {presetName: 'npm'});
    const presets = await promised(cam, 'getPresets', {});  // {name: preset}
    const token = presets.npm.$.token;
    await promised(cam, 'gotoPreset', {preset: token});
    console.log(JSON.stringify({presets: Object.keys(presets), token}));
}

async function events(args) {
    const cam = await connect(...args);
    cam.on('event', (message) => {
        const data = message.message.message.data.simpleItem;
        const items = [].concat(data).map((item) => item.$);
        console.log(JSON.stringify({topic: message.topic._, items}));
    });
    cam.on('eventsError', (error) => console.error('eventsError', String(error)));
}

function discover(timeoutMs) {
    onvif.Discovery.probe({timeout: Number(timeoutMs), resolve: false}, (errors, found) => {
        const devices = found.map((match) => {
            const probeMatch = match.probeMatches.probeMatch;
            return {urn: probeMatch.endpointReference.address, xaddrs: probeMatch.XAddrs, scopes: probeMatch.scopes};
        });
        console.log(JSON.stringify({devices, errors: errors ? errors.map(String) : []}));
        process.exit(0);
    });
}

const [mode, ...args] = process.argv.slice(2);
const modes = {connect: describe, ptz, events};
if (mode === 'discover') {
    discover(args[0]);
} else if (modes[mode]) {
    modes[mode](args).then(() => { if (mode !== 'events') process.exit(0); }, fail);
} else {
    fail('unknown mode ' + mode);
}
