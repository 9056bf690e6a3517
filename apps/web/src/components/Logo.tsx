/** The platform mark: a medical cross in a rounded square, the green dot for "running trials". */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill="#0f4c81" />
      <path d="M26 14h12v12h12v12H38v12H26V38H14V26h12z" fill="#fff" />
      <circle cx="32" cy="32" r="5" fill="#16a085" />
    </svg>
  );
}
