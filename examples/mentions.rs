//! Prints the mentions and relations newskg finds in a sentence:
//! `cargo run --example mentions -- "Armenia accused Azerbaijan of shelling."`
fn main() {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    print!("{}", newskg::mentions::describe(&text));
    let r = newskg::relations::extract(&newskg::document::Document::new("example", text));
    for e in &r.events {
        println!(
            "{}({}, {:?}) negated={} hypothetical={} by={:?} [{}]",
            e.relation, e.agent, e.targets, e.negated, e.hypothetical, e.attributed_to, e.pattern
        );
    }
}
