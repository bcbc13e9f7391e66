//! Entry point: mount the app, nothing else.

fn main() {
    far_east_atlas::start();
}
