//! `GET /containers/{id}/stats`: `rcon stats`' samples in Docker's shape,
//! a stream (one a second) or one (`stream=false`; with `one-shot=true`
//! at once, without the previous sample CPU shares are measured against).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use hyper::Response;
use serde_json::{Value, json};

use super::containers::with_container;
use super::server::{Body, Service, flag, json as json_response, streaming};
use super::{ApiError, ApiResult};
use crate::container::lifecycle::Lifecycle;
use crate::container::stats::{Sample, host_cpu_ns};
use crate::container::store::ContainerRecord;

/// How often a stream reports, as Docker.
const PERIOD: Duration = Duration::from_secs(1);

/// A sample with the host's CPU time when it was taken.
struct Reading {
    sample: Sample,
    host_cpu_ns: u64,
}

fn read(lifecycle: &Lifecycle, record: &ContainerRecord) -> ApiResult<Option<Reading>> {
    Ok(Sample::take(lifecycle, record)?.map(|sample| Reading {
        sample,
        host_cpu_ns: host_cpu_ns(),
    }))
}

pub(super) async fn stats(
    service: Arc<Service>,
    id: &str,
    query: HashMap<String, String>,
) -> ApiResult<Response<Body>> {
    let stream = query
        .get("stream")
        .is_none_or(|v| matches!(v.as_str(), "1" | "true" | "True"));
    let one_shot = flag(&query, "one-shot");
    if !stream {
        let document = with_container(&service, id, move |lifecycle, record| {
            let previous = if one_shot {
                None
            } else {
                let previous = read(lifecycle, &record)?;
                std::thread::sleep(PERIOD);
                previous
            };
            let current = read(lifecycle, &record)?;
            Ok(document(&record, current.as_ref(), previous.as_ref()))
        })
        .await?;
        return Ok(json_response(hyper::StatusCode::OK, &document));
    }
    let record = with_container(&service, id, |_, record| Ok(record)).await?;
    let (sender, response) = streaming("application/json");
    tokio::task::spawn_blocking(move || {
        let store = service.store()?;
        let lifecycle = Lifecycle::open(&store, &service.paths.runroot)?;
        let mut previous: Option<Reading> = None;
        loop {
            let current = read(&lifecycle, &record)?;
            let mut line =
                serde_json::to_vec(&document(&record, current.as_ref(), previous.as_ref()))
                    .expect("JSON values serialise");
            line.push(b'\n');
            // The client went away, or the container ended: the stream ends.
            if sender.blocking_send(Bytes::from(line)).is_err() || current.is_none() {
                return Ok::<(), ApiError>(());
            }
            previous = current;
            std::thread::sleep(PERIOD);
        }
    });
    Ok(response)
}

/// Docker's stats document; zeros when the container does not run.
fn document(
    record: &ContainerRecord,
    current: Option<&Reading>,
    previous: Option<&Reading>,
) -> Value {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let time = |reading: Option<&Reading>| {
        reading.map_or_else(
            || "0001-01-01T00:00:00Z".to_string(),
            |r| {
                chrono::DateTime::from_timestamp_nanos(r.sample.at_ns as i64)
                    .to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
            },
        )
    };
    let cpu = |reading: Option<&Reading>| {
        let (total, system, host) = reading.map_or((0, 0, 0), |r| {
            (r.sample.cpu_ns, r.sample.cpu_system_ns, r.host_cpu_ns)
        });
        json!({
            "cpu_usage": {
                "total_usage": total,
                "usage_in_kernelmode": system,
                "usage_in_usermode": total.saturating_sub(system),
            },
            "system_cpu_usage": host,
            "online_cpus": cpus,
            "throttling_data": {"periods": 0, "throttled_periods": 0, "throttled_time": 0},
        })
    };
    let sample = current.map(|r| &r.sample);
    let networks: serde_json::Map<String, Value> = sample
        .map(|s| s.networks.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|i| {
            (
                i.name.clone(),
                json!({
                    "rx_bytes": i.rx_bytes, "rx_packets": i.rx_packets,
                    "rx_errors": i.rx_errors, "rx_dropped": i.rx_dropped,
                    "tx_bytes": i.tx_bytes, "tx_packets": i.tx_packets,
                    "tx_errors": i.tx_errors, "tx_dropped": i.tx_dropped,
                }),
            )
        })
        .collect();
    let io = |op: &str, value: u64| json!({"major": 0, "minor": 0, "op": op, "value": value});
    json!({
        "id": record.id,
        "name": format!("/{}", record.name),
        "read": time(current),
        "preread": time(previous),
        "pids_stats": {"current": sample.map_or(0, |s| s.pids)},
        "num_procs": 0,
        "cpu_stats": cpu(current),
        "precpu_stats": cpu(previous),
        "memory_stats": {
            "usage": sample.map_or(0, |s| s.memory),
            "limit": sample.map_or(0, |s| s.memory_limit),
            "stats": {},
        },
        "blkio_stats": {
            "io_service_bytes_recursive": sample.map(|s| vec![
                io("read", s.block_read),
                io("write", s.block_write),
            ]),
        },
        "storage_stats": {},
        "networks": networks,
    })
}
