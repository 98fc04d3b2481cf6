#pragma once
// DeviceEndpoint: the address a person typed for a device, checked and put in one form per driver,
// so "rtsp://Cam:554/s1/" and "rtsp://user:pw@cam/s1" are seen as the same camera (one device per
// camera: devices.address_key) and credentials typed into a URL never get stored in it.
//   rtsp:    rtsp://, rtsps://, http://, https:// stream URLs (main, and sub when given)
//   onvif:   "host", "host:port" or an http(s) URL; no path means /onvif/device_service
//   virtual: "name" or virtual://name (letters, digits, '-' and '_')
//   others:  any URL with a scheme and a host

#include <QString>

#include "common/result.h"

namespace vigil::server {

struct DeviceEndpoint {
    QString address;     // without credentials
    QString subAddress;  // rtsp only; without credentials
    QString userName;    // from the URL when it carried one, else empty
    QString password;
    QString key;  // driver + normalised address: devices.address_key

    static core::Result<DeviceEndpoint> parse(const QString& driver, const QString& address,
                                              const QString& subAddress);
    // A name for a device nobody named: the address's host (or the virtual camera's name).
    QString defaultName() const;
};

}  // namespace vigil::server
