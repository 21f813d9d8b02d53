// PLACEHOLDER owned by the engine work (issue 3): the EM worker-thread entry.
export {};
