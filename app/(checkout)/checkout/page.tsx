export { MissingPage as default } from "@/components/missing-page";
