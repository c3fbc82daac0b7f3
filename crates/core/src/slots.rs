//! Bounded places for heavy blocking work (password hashing, workbook reading): at most
//! `running` jobs at once on blocking threads, at most `queue` more waiting, and any beyond
//! refused at once with [`Error::Busy`] (503 with `Retry-After`) rather than queued without
//! end. Memory a job needs is thereby bounded by `running`, whatever a burst of requests asks.
//! One `Slots` per kind of work, shared by the whole process (memory is per process).

use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::Semaphore;

use crate::{Error, Result};

pub struct Slots {
    what: &'static str,
    running: usize,
    queue: usize,
    permits: Semaphore,
    /// Jobs waiting or running.
    present: AtomicUsize,
}

/// Counts a job among those present until it is dropped, however it ends (including a request
/// whose client went away while it waited).
struct Present(&'static AtomicUsize);

impl Drop for Present {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Slots {
    /// `what` names the work in internal errors.
    pub const fn new(what: &'static str, running: usize, queue: usize) -> Slots {
        Slots {
            what,
            running,
            queue,
            permits: Semaphore::const_new(running),
            present: AtomicUsize::new(0),
        }
    }

    /// Jobs waiting or running now.
    pub fn present(&self) -> usize {
        self.present.load(Ordering::SeqCst)
    }

    /// Runs `work` on a blocking thread once a slot is free; [`Error::Busy`] at once when the
    /// slots and the queue are full. A panic in `work` is an internal error, not a crash. The
    /// slot is held by the blocking work itself, not by the request: a request cancelled (its
    /// client gone, its timeout reached) while the work runs does not free the slot before the
    /// work ends, so cancelling cannot run more at once.
    pub async fn run<T: Send + 'static>(
        &'static self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T> {
        if self.present.fetch_add(1, Ordering::SeqCst) >= self.running + self.queue {
            self.present.fetch_sub(1, Ordering::SeqCst);
            return Err(Error::Busy);
        }
        let present = Present(&self.present);
        let permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| Error::Internal(format!("{} slots: {e}", self.what)))?;
        tokio::task::spawn_blocking(move || {
            let _held = (permit, present);
            work()
        })
        .await
        .map_err(|e| Error::Internal(format!("{}: {e}", self.what)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn work_never_runs_in_more_than_its_slots_and_is_refused_beyond_the_queue_at_once() {
        static SLOTS: Slots = Slots::new("test", 2, 5);
        static RUNNING: AtomicUsize = AtomicUsize::new(0);
        static MOST: AtomicUsize = AtomicUsize::new(0);
        let (release, hold) = std::sync::mpsc::channel::<()>();
        let hold = std::sync::Arc::new(std::sync::Mutex::new(hold));
        let tasks: Vec<_> = (0..7)
            .map(|_| {
                let hold = hold.clone();
                tokio::spawn(SLOTS.run(move || {
                    let now = RUNNING.fetch_add(1, Ordering::SeqCst) + 1;
                    MOST.fetch_max(now, Ordering::SeqCst);
                    let _ = hold.lock().map(|h| h.recv());
                    RUNNING.fetch_sub(1, Ordering::SeqCst);
                }))
            })
            .collect();
        // Every task takes its slot or its place in the queue, and the two with a slot are at
        // work (releasing earlier would let one finish before the other starts).
        while SLOTS.present() < 7 || RUNNING.load(Ordering::SeqCst) < 2 {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        assert!(matches!(SLOTS.run(|| ()).await, Err(Error::Busy)));
        for _ in 0..7 {
            release.send(()).expect("send");
        }
        for t in tasks {
            assert!(t.await.expect("task").is_ok());
        }
        assert_eq!(MOST.load(Ordering::SeqCst), 2, "two at once, never more");
        assert_eq!(SLOTS.present(), 0, "nobody left counted");
        assert!(SLOTS.run(|| ()).await.is_ok(), "room again after the burst");
        // A request cancelled while its work runs keeps the slot until the work ends.
        let (release, hold) = std::sync::mpsc::channel::<()>();
        let hold = std::sync::Arc::new(std::sync::Mutex::new(hold));
        for _ in 0..2 {
            let hold = hold.clone();
            let free = SLOTS.permits.available_permits();
            let cancelled = tokio::spawn(SLOTS.run(move || {
                let _ = hold.lock().map(|h| h.recv());
            }));
            while SLOTS.permits.available_permits() == free {
                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            }
            cancelled.abort();
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        assert_eq!(
            SLOTS.permits.available_permits(),
            0,
            "both slots still held"
        );
        assert_eq!(SLOTS.present(), 2);
        for _ in 0..2 {
            release.send(()).expect("send");
        }
        while SLOTS.present() > 0 {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        assert_eq!(SLOTS.permits.available_permits(), 2);
        let panicked = SLOTS.run(|| panic!("boom")).await;
        assert!(matches!(panicked, Err(Error::Internal(_))));
        assert_eq!(SLOTS.present(), 0);
    }
}
